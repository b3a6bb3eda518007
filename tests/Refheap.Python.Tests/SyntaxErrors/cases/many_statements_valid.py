import sys
x = [i for i in range(3)]
y = {k: v for k, v in zip('ab', 'cd')}
z = {1, 2}
def g(a, *b, **c):
    return (yield a)
class K(object):
    pass
