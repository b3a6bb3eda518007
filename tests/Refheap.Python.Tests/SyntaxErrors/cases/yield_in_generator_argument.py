def f():
    return sum((yield x) for x in y)
