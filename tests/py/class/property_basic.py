# @property with setter and deleter.
class Account:
    def __init__(self):
        self._balance = 0
    @property
    def balance(self):
        print("get")
        return self._balance
    @balance.setter
    def balance(self, value):
        print("set", value)
        if value < 0:
            raise ValueError("negative balance")
        self._balance = value
    @balance.deleter
    def balance(self):
        print("delete")
        self._balance = 0
a = Account()
a.balance = 10
print(a.balance)
try:
    a.balance = -1
except ValueError as e:
    print(type(e).__name__, e)
del a.balance
print(a.balance)
