if True:
    z = 3 * "a" - 4
