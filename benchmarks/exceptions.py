# exceptions: raising and catching exceptions in loops (try/except/else/
# finally, custom exception classes with arguments, re-raise, exceptions
# from builtins such as KeyError/ZeroDivisionError/ValueError).
# Scale multiplies the iteration count.
import sys

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

class Retry(AppError):
    pass

def risky(i):
    if i % 5 == 0:
        raise Retry(i % 7, "retry")
    if i % 7 == 0:
        raise AppError(i % 11, "fail")
    return i

def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1

def main(scale):
    n = max(10, int(600000 * scale))
    d = {i: i * 2 for i in range(0, 100, 3)}
    codes = 0
    retries = 0
    ok = 0
    fin = 0
    zero = 0
    bad = 0
    for i in range(n):
        try:
            ok += risky(i)
        except Retry as e:
            retries += 1
            codes += e.code
        except AppError as e:
            codes += e.code * 2 + len(e.args[0])
        else:
            ok += 1
        finally:
            fin += 1
        codes += lookup(d, i % 100)
        try:
            zero += 100 // (i % 4)
        except ZeroDivisionError:
            zero -= 1
        if i % 50 == 0:
            try:
                try:
                    int("x%d" % i)
                except ValueError:
                    raise
            except ValueError as e:
                bad += len(str(e))
    print("exceptions", n, ok, retries, codes, fin, zero, bad)

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
