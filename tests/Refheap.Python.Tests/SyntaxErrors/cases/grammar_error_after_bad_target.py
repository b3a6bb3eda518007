1 = x
if y
