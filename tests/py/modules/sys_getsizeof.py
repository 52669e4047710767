# sys.getsizeof grows with content (only relative sizes are printed).
import sys
print(sys.getsizeof([]) < sys.getsizeof([1, 2, 3]))
print(sys.getsizeof("") < sys.getsizeof("a" * 100))
print(sys.getsizeof(0) <= sys.getsizeof(2 ** 100))
print(sys.getsizeof({}) < sys.getsizeof({i: i for i in range(100)}))
print(type(sys.getsizeof(1)).__name__, sys.getsizeof(1) > 0)
