async def f():
    pass
x = (
