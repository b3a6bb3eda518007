# sum() adds as the + operator does: a class's __add__ and __radd__, list and tuple concatenation; each partial sum is a new object freed when the next one replaces it.
from __future__ import print_function
import gc


class Money(object):
    made = 0

    def __init__(self, cents):
        Money.made += 1
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        return self + other

    def __repr__(self):
        return 'Money(%d)' % self.cents

    def __del__(self):
        print('del', self)


gc.collect()
wallet = [Money(100), Money(250), Money(5)]
print(sum(wallet))
print(sum(wallet, Money(1)))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print('made', Money.made)
try:
    sum([Money(1), 'x'])
except TypeError as e:
    print('TypeError', e)
del wallet
print('end')
