# A comment line

x = (1 +
     2)   # trailing comment
y = [
    1,
    2,
]
z = 1 + \
    2
if x:
    if y:
        if z:
            pass
w = 1; v = 2;
def f():

    # comment inside

    return 1
class C:
    def m(self):
        pass
    # dedent comment
    def n(self):
        return {
            'a': 1,
        }
if True: x = 1; y = 2
else: pass
while 0: pass
for _ in (): pass
