# sys.getsizeof(o.__dict__): 3.12's split table over the class's shared keys (a value word per key used or still usable, fewer with each instance made), 2.7's plain dict
import sys


class Two(object):
    pass


a = Two()
a.x = 1
a.y = 2
d = a.__dict__
print('two attributes', sys.getsizeof(d), len(d))
b = Two()
print('after a second instance', sys.getsizeof(d), sys.getsizeof(b.__dict__))
a.z = 3
print('a third key', sys.getsizeof(d))
del d['x']
print('a key deleted', sys.getsizeof(d))
d['w'] = 4
print('a key stored in the dict', sys.getsizeof(d), sorted(d))
c = Two()
c.x = 1
dc = c.__dict__
dc.clear()
print('cleared', sys.getsizeof(dc))


class Init(object):
    def __init__(self):
        self.a = 1


many = [Init() for i in range(40)]
print('many instances', [sys.getsizeof(o.__dict__) for o in many[::8]])


class Full(object):
    pass


full = [Full() for i in range(35)]
for i, o in enumerate(full):
    setattr(o, 'k%d' % i, i)
print('keys added after 35 instances', [sys.getsizeof(o.__dict__) for o in full[:3]])
print([sorted(o.__dict__.items()) for o in full[:3]])
