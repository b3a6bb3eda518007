# Python 3's nonlocal: an inner function rebinds a variable of its enclosing function through
# the shared cell, and the object the cell held before dies at once.
class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make_slot():
    current = Tracked("initial")

    def replace(name):
        nonlocal current
        old = current.name
        current = Tracked(name)
        return old

    def peek():
        return current.name
    return replace, peek


replace, peek = make_slot()
print("replaced", replace("second"))
print("now", peek())
print("replaced", replace("third"))
print("dropping replace")
del replace
print("dropping peek")
del peek
print("end")
