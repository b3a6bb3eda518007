[]
[1, 2, 3]
[1, 2, 3,]
{}
{1: 'a', 2: 'b'}
{1, 2}
{'k': [1, {2: (3,)}]}
[x * 2 for x in range(10) if x % 2 if x > 3]
[(x, y) for x in a for y in b if x != y]
{x for x in s}
{k: v for k, v in pairs}
(x for x in it)
sum(x for x in it)
[[y for y in x] for x in matrix]
first, *middle, last = seq
for a, (b, *c) in pairs: pass
[*a, *b]
{**a, 'b': 1}
(*a, b)
