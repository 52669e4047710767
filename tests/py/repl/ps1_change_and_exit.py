# mode: both
import sys
print('start')
sys.ps1 = 'IN> '
1 + 1
sys.ps2 = 'MORE> '
for i in range(2):
    i

exit(3)
print('never')
