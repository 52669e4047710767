# Extending a parent method with super() in a method other than __init__.
class Logger:
    def log(self, msg):
        return "[log] " + msg
class TimestampLogger(Logger):
    def log(self, msg):
        return super().log("t=0 " + msg)
class LoudLogger(TimestampLogger):
    def log(self, msg):
        return super().log(msg.upper())
print(Logger().log("a"))
print(TimestampLogger().log("b"))
print(LoudLogger().log("c"))
