x = """a
b
