def f():
    if x:
        pass
    y = 1
    else:
        pass
