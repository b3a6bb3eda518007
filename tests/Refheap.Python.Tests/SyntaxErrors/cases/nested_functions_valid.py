def outer():
    def inner(a, *args, **kwargs):
        return [a for a in args if a] or {k: v for k, v in kwargs.items()}
    return inner
