x = None
print(x.attr, 1)
