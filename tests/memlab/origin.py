# memlab.origin: the mechanism behind each object's identity.
import memlab
small = 256
print(memlab.origin(small))
# expect: small-int-cache
print(memlab.origin(-5), memlab.origin(-6))
# expect: small-int-cache constant
big = 257
print(memlab.origin(big))
# expect: constant
print(memlab.origin(big + 1))
# expect: runtime
print(memlab.origin(None), memlab.origin(True), memlab.origin(...), memlab.origin(NotImplemented))
# expect: singleton singleton singleton singleton
print(memlab.origin(()), memlab.origin(''), memlab.origin(chr(120)), memlab.origin('é'))
# expect: singleton singleton singleton singleton
print(memlab.origin('x'))
# expect: interned
word = "hello"
print(memlab.origin(word))
# expect: interned
bang = "hello!"
print(memlab.origin(bang))
# expect: constant
built = "".join(["hel", "lo!"])
print(memlab.origin(built))
# expect: runtime
import sys
print(memlab.origin(sys.intern(built)))
# expect: interned
print(memlab.origin((1, 2)), memlab.origin(tuple([1, 2])))
# expect: constant runtime
print(memlab.origin(2.5), memlab.origin([]))
# expect: constant runtime
def f():
    return 123456
print(memlab.origin(f()))
# expect: constant
