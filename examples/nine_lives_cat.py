# The talk's fourth example: a cat with nine lives. Its __del__ stores the cat again, so the
# object comes back from the dead. 2.7 calls __del__ every time the cat's reference count
# reaches zero, so it uses up all nine lives; 3.12 (PEP 442) calls __del__ at most once per
# object, so the resurrected cat later dies silently.
from __future__ import print_function

shelter = []


class Cat(object):
    def __init__(self, name):
        self.name = name
        self.lives = 9

    def __del__(self):
        self.lives -= 1
        if self.lives > 0:
            print("%s dies and comes back, %d lives left" % (self.name, self.lives))
            shelter.append(self)
        else:
            print("%s dies for good" % self.name)


cat = Cat("Tom")
deaths = 0
while cat is not None:
    deaths += 1
    cat = None
    if shelter:
        cat = shelter.pop()
print("the cat died", deaths, "times")
