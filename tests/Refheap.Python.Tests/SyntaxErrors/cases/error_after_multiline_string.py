x = '''a
b''' y
