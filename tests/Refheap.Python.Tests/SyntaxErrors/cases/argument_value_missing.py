f(a, c=, d)
