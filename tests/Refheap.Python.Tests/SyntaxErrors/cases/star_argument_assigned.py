f(a, *args=[0])
