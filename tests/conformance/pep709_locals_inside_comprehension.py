# locals(), vars() and dir() inside a comprehension. 3.12 inlines it (PEP 709): in a function they
# show the function's variables and the comprehension's; at module and class level the namespace
# plus the comprehension's hidden variables. 2.7's set and dict comprehensions are functions.
from __future__ import print_function


def public(names):
    return sorted(n for n in names if not n.startswith("_"))


def in_function(arg):
    before = 1
    print("list", [public(locals()) for item in range(1)])
    print("dict", {k: public(vars()) for k in range(1)})
    print("set", sorted({len(public(dir())) for s in range(1)}))
    print("nested", [[public(locals()) for inner in range(1)] for outer in range(1)])
    after = 2
    return public(locals())


print("function after", in_function(0))
print("module", [("m" in locals(), "public" in locals(), "in_function" in locals()) for m in range(1)])
print("module item", [locals().get("m") for m in range(2)])
print("module dict", {k: "k" in locals() for k in range(1)})


class Body(object):
    attribute = 1
    print("class", [public(locals()) for c in range(1)])
    print("class dict", {c: public(locals()) for c in range(1)})


print("vars after", "m" in vars(), "k" in vars())
