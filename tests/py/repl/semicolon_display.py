# mode: both
# Several expression statements on one line are each displayed.
x = 5; x
1; 2; "three"
y = x * 2; y + 1; print("printed")
