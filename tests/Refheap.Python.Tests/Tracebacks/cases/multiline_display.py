d = {}
x = [1,
     2,
     d["missing"]]
