if x is not "a":
    pass
