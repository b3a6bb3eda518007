def f():
    raise ValueError
f()  # comment
