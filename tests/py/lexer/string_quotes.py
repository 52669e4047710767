# Single, double and triple quoted strings.
print('single')
print("double")
print('it\'s', "say \"hi\"")
print("it's", 'say "hi"')
print('''triple single
spans lines''')
print("""triple double
with 'quotes' and "quotes" inside""")
print(len(''), len(""), len(''''''), len(""""""))
