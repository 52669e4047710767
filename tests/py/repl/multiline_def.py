# mode: both
# A function definition ends at a blank line; calling it displays the result.
def square(n):
    result = n * n
    return result

square(7)
print(square(3))
square
