class Cat:
    lives = 9
    def __del__(self):
        print("meow")
c = Cat()
del c