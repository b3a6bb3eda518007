if x:
    pass
  # c
else:
    pass
