# Param count of the DARTS evaluation networks, transcribed from quark0/darts cnn/model.py + operations.py rules
def bn(c): return 2*c
def relu_conv_bn(cin, cout): return cin*cout + bn(cout)
def fact_reduce(cin, cout): return 2*(cin*(cout//2)) + bn(cout)
def op_params(name, C, stride):
    if name in ('max_pool_3x3','avg_pool_3x3','none'): return 0
    if name == 'skip_connect': return 0 if stride == 1 else fact_reduce(C, C)
    if name.startswith('sep_conv'):
        k = int(name[-1]); return 2*(k*k*C + C*C + bn(C))
    if name.startswith('dil_conv'):
        k = int(name[-1]); return k*k*C + C*C + bn(C)
    if name == 'conv_7x1_1x7': return 2*7*C*C + bn(C)
def cell(g, Cpp, Cp, C, red, red_prev):
    p = fact_reduce(Cpp, C) if red_prev else relu_conv_bn(Cpp, C)
    p += relu_conv_bn(Cp, C)
    ops = g['reduce' if red else 'normal']
    for name, idx in ops:
        p += op_params(name, C, 2 if red and idx < 2 else 1)
    return p, len(g['reduce_concat' if red else 'normal_concat'])
def cifar(g, C=36, layers=20, classes=10):
    Cc = 3*C; p = 3*3*3*Cc + bn(Cc)
    Cpp, Cp, Cc = Cc, Cc, C; rp = False
    for i in range(layers):
        red = i in (layers//3, 2*layers//3)
        if red: Cc *= 2
        q, m = cell(g, Cpp, Cp, Cc, red, rp); p += q; rp = red
        Cpp, Cp = Cp, m*Cc
    return p + Cp*classes + classes
def imagenet(g, C=48, layers=14, classes=1000):
    p = 3*3*3*(C//2) + bn(C//2) + 9*(C//2)*C + bn(C) + 9*C*C + bn(C)
    Cpp, Cp, Cc = C, C, C; rp = True
    for i in range(layers):
        red = i in (layers//3, 2*layers//3)
        if red: Cc *= 2
        q, m = cell(g, Cpp, Cp, Cc, red, rp); p += q; rp = red
        Cpp, Cp = Cp, m*Cc
    return p + Cp*classes + classes
V1 = dict(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], reduce_concat=[2, 3, 4, 5])
V2 = dict(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])
PD = dict(normal=[('skip_connect', 0), ('dil_conv_3x3', 1), ('skip_connect', 0),('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('sep_conv_3x3', 3), ('sep_conv_3x3',0), ('dil_conv_5x5', 4)], normal_concat=range(2, 6), reduce=[('avg_pool_3x3', 0), ('sep_conv_5x5', 1), ('sep_conv_3x3', 0), ('dil_conv_5x5', 2), ('max_pool_3x3', 0), ('dil_conv_3x3', 1), ('dil_conv_3x3', 1), ('dil_conv_5x5', 3)], reduce_concat=range(2, 6))
for n, g in (('V1', V1), ('V2', V2), ('PDARTS', PD)):
    print(n, cifar(g), imagenet(g))
