@foo[1]
def f(): pass
