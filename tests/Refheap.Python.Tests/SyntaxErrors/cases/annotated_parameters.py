def f(a: int, *args: str, b: int = 1, **kw: float) -> None:
    x: int = 1
    y: list
