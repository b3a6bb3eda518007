class A(object):
    pass
a = A()
print(a.
      missing)
