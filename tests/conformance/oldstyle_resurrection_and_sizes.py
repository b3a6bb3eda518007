# An old-style instance whose __del__ stores it somewhere is resurrected; 2.7 runs the __del__ of
# a classic instance every time its count drops to zero (3.12 only once, PEP 442). Also what
# sys.getsizeof says of the instance, its class and its dict, and the collector's counts.
from __future__ import print_function
import gc
import sys

gc.disable()
gc.collect()
saved = []


class Cat:
    lives = 3

    def __del__(self):
        Cat.lives -= 1
        print('__del__, lives left', Cat.lives)
        if Cat.lives > 0:
            saved.append(self)


c = Cat()
del c
print('saved', len(saved))
while saved:
    c = saved.pop()
    del c
    print('saved again', len(saved))
print('lives', Cat.lives)


class Box:
    pass


box = Box()
print('sizes', sys.getsizeof(box) > 0, sys.getsizeof(box) == sys.getsizeof(Box()))
print('instance', sys.getsizeof(box) if type(box).__name__ == 'instance' else 'new-style')
print('class', sys.getsizeof(Box) if type(Box).__name__ == 'classobj' else 'new-style')
boxes = [Box() for i in range(10)]
for i, b in enumerate(boxes):
    b.next = boxes[(i + 1) % len(boxes)]
del b
del boxes
print('ring of ten collected', gc.collect())
print('nothing left', gc.collect())
