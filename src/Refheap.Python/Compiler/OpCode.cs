namespace Refheap.Python.Compiler;

/// <summary>
/// The evaluator's instructions. One instruction is one int: the opcode in the low 8 bits,
/// its argument in the upper 24 (<see cref="Instruction"/>). The stack effect of each is
/// given as "before → after" (top of the stack on the right).
/// </summary>
internal enum OpCode : byte
{
    /// <summary>Nothing.</summary>
    Nop,

    /// <summary>x → .</summary>
    PopTop,

    /// <summary>a b → b a.</summary>
    RotTwo,

    /// <summary>a b c → c a b.</summary>
    RotThree,

    /// <summary>a → a a.</summary>
    DupTop,

    /// <summary>a b → a b a b.</summary>
    DupTopTwo,

    /// <summary>. → consts[arg].</summary>
    LoadConst,

    /// <summary>. → fast local arg (UnboundLocalError when unbound).</summary>
    LoadFast,

    /// <summary>x → . (into fast local arg).</summary>
    StoreFast,

    /// <summary>Unbinds fast local arg.</summary>
    DeleteFast,

    /// <summary>. → contents of the cell in slot arg (NameError/UnboundLocalError when empty).</summary>
    LoadDeref,

    /// <summary>x → . (into the cell in slot arg).</summary>
    StoreDeref,

    /// <summary>Empties the cell in slot arg.</summary>
    DeleteDeref,

    /// <summary>. → the cell in slot arg itself (to build a closure).</summary>
    LoadClosure,

    /// <summary>. → globals or builtins [names[arg]].</summary>
    LoadGlobal,

    /// <summary>x → . (globals[names[arg]] = x).</summary>
    StoreGlobal,

    /// <summary>del globals[names[arg]].</summary>
    DeleteGlobal,

    /// <summary>. → locals, globals or builtins [names[arg]] (module and class bodies).</summary>
    LoadName,

    /// <summary>x → . (locals[names[arg]] = x).</summary>
    StoreName,

    /// <summary>del locals[names[arg]].</summary>
    DeleteName,

    /// <summary>o → o.names[arg].</summary>
    LoadAttr,

    /// <summary>v o → . (o.names[arg] = v).</summary>
    StoreAttr,

    /// <summary>o → . (del o.names[arg]).</summary>
    DeleteAttr,

    /// <summary>o k → o[k].</summary>
    BinarySubscript,

    /// <summary>v o k → . (o[k] = v).</summary>
    StoreSubscript,

    /// <summary>o k → . (del o[k]).</summary>
    DeleteSubscript,

    /// <summary>o [lower] [upper] [step] → o[lower:upper:step]; arg bits say which parts are present (1, 2, 4).</summary>
    Slice,

    /// <summary>v o [lower] [upper] [step] → . (slice assignment).</summary>
    StoreSlice,

    /// <summary>o [lower] [upper] [step] → . (slice deletion).</summary>
    DeleteSlice,

    /// <summary>a b → a op b (arg: <see cref="Syntax.Ast.BinaryOperator"/>).</summary>
    BinaryOp,

    /// <summary>a b → a op= b (arg: <see cref="Syntax.Ast.BinaryOperator"/>).</summary>
    InPlaceOp,

    /// <summary>a → op a (arg: <see cref="Syntax.Ast.UnaryOperator"/>).</summary>
    UnaryOp,

    /// <summary>a b → a cmp b (arg: <see cref="Syntax.Ast.ComparisonOperator"/>).</summary>
    CompareOp,

    /// <summary>Jumps to arg.</summary>
    Jump,

    /// <summary>x → . ; jumps to arg when x is false.</summary>
    PopJumpIfFalse,

    /// <summary>x → . ; jumps to arg when x is true.</summary>
    PopJumpIfTrue,

    /// <summary>x → x and jumps to arg when x is false; else x → .</summary>
    JumpIfFalseOrPop,

    /// <summary>x → x and jumps to arg when x is true; else x → .</summary>
    JumpIfTrueOrPop,

    /// <summary>o → iter(o).</summary>
    GetIter,

    /// <summary>it → it next(it); at exhaustion it → . and jumps to arg.</summary>
    ForIter,

    /// <summary>arg items → tuple.</summary>
    BuildTuple,

    /// <summary>arg items → list.</summary>
    BuildList,

    /// <summary>arg items → set.</summary>
    BuildSet,

    /// <summary>arg key/value pairs → dict.</summary>
    BuildMap,

    /// <summary>list ...(arg-1 more) x → list ... (appends x to the list arg deep).</summary>
    ListAppend,

    /// <summary>set ... x → set ... (arg deep).</summary>
    SetAdd,

    /// <summary>dict ... k v → dict ... (arg deep).</summary>
    MapAdd,

    /// <summary>seq → item(arg-1) ... item0 (item0 on top).</summary>
    UnpackSequence,

    /// <summary>seq → items after the star, a list of the middle, items before it (arg: before | after &lt;&lt; 8).</summary>
    UnpackExtended,

    /// <summary>f a1..an → f(a1..an) (arg = n).</summary>
    Call,

    /// <summary>f a1..an names → f(...) where the last len(names) values are keyword arguments (arg = n).</summary>
    CallKeywords,

    /// <summary>f args [kwargs] → f(*args, **kwargs) (arg bit 1: kwargs present).</summary>
    CallEx,

    /// <summary>[defaults] [kwdefaults] [closure] code → function (arg bits 1, 2, 4: which are present).</summary>
    MakeFunction,

    /// <summary>x → (returns x).</summary>
    ReturnValue,

    /// <summary>x → sent (suspends the generator, yielding x).</summary>
    YieldValue,

    /// <summary>
    /// iter value → iter (suspends, yielding what iter gave for value; resumed, it runs again
    /// with the sent value) or → result (iter finished: its return value).
    /// </summary>
    YieldFrom,

    /// <summary>[exc [cause]] → (raises; arg = how many; 0 re-raises the handled exception).</summary>
    Raise,

    /// <summary>exc → (raises exc again, its traceback kept).</summary>
    Reraise,

    /// <summary>exc → prev exc (exc becomes the handled exception; prev is what to restore).</summary>
    PushExcInfo,

    /// <summary>prev → . (restores the handled exception).</summary>
    PopExcept,

    /// <summary>prev exc → (restores prev, re-raises exc).</summary>
    PopExceptReraise,

    /// <summary>exc type → exc bool (whether exc matches an except clause's type).</summary>
    CheckExcMatch,

    /// <summary>x → . (2.7 print statement: one item to stdout).</summary>
    PrintItem,

    /// <summary>Ends a 2.7 print statement's line on stdout.</summary>
    PrintNewline,

    /// <summary>x stream → . (one item to a file).</summary>
    PrintItemTo,

    /// <summary>stream → . (ends the line on a file).</summary>
    PrintNewlineTo,

    /// <summary>level fromlist → module (imports names[arg]).</summary>
    ImportName,

    /// <summary>module → module module.names[arg].</summary>
    ImportFrom,

    /// <summary>module → . (copies its public names into locals).</summary>
    ImportStar,

    /// <summary>body name bases [keywords] → class (runs the class body, then makes the class; arg 1: a dict of the class keywords is on top).</summary>
    BuildClass,

    /// <summary>ctx → exit ctx.__enter__().</summary>
    BeforeWith,

    /// <summary>exit → . (exit(None, None, None)).</summary>
    WithExitNormal,

    /// <summary>exit prev exc → . when exit(...) suppresses exc, else re-raises it.</summary>
    WithExitException,

    /// <summary>value [spec] → formatted str (arg: conversion char in bits 8+, bit 1: spec present).</summary>
    FormatValue,

    /// <summary>arg strs → joined str.</summary>
    BuildString,

    /// <summary>. → AssertionError (the class).</summary>
    LoadAssertionError,

    /// <summary>. → locals() of the current frame (class bodies return their namespace).</summary>
    LoadLocals,

    /// <summary>list x → list (extends the list with the items of x: a call's *args).</summary>
    ListExtend,

    /// <summary>dict m → dict (adds the items of mapping m: a call's **kwargs; a repeated key is a TypeError).</summary>
    DictMerge,

    /// <summary>Raises NotImplementedError for consts[arg] (a construct the evaluator does not run).</summary>
    Unsupported,

    /// <summary>[lower] [upper] [step] → slice(lower, upper, step); arg bits as <see cref="Slice"/> (a slice inside a tuple subscript: <c>o[1:2, 3]</c>).</summary>
    BuildSlice,

    /// <summary>
    /// 3.x: o → method o when names[arg] is a method found on o's type (no bound method made, as
    /// 3.12's LOAD_ATTR for a call), else o → o.name null.
    /// </summary>
    LoadMethod,

    /// <summary>method self a1..an → result, or attr null a1..an → attr(a1..an) (arg: n).</summary>
    CallMethod,

    /// <summary>a1..an → a1..an a1..an (arg: n; 2.7's DUP_TOPX, for <c>o[i:j] += x</c>).</summary>
    DupTopN,

    /// <summary>a1..an-1 x → x a1..an-1 (arg: n, the top moved down to n-th place).</summary>
    RotN,

    /// <summary>
    /// <see cref="CallMethod"/> with keywords: method self a1..an k1..km names → result, names a
    /// tuple of the m keyword names (arg: n + m).
    /// </summary>
    CallMethodKeywords,

    /// <summary>. → fast slot arg's value (null when unbound), the slot left unbound (3.12's LOAD_FAST_AND_CLEAR: an inlined comprehension saves a variable).</summary>
    LoadFastAndClear,

    /// <summary>. → the cell in slot arg, a new empty cell put in its place (an inlined comprehension's captured variable: 3.12's LOAD_FAST_AND_CLEAR and MAKE_CELL).</summary>
    ReplaceCell,

    /// <summary>a ... b → b ... a (arg: the depth of a, top = 1; 3.12's SWAP).</summary>
    Swap,

    /// <summary>set x → set (adds the items of x: a set display's <c>*x</c>; 3.12's SET_UPDATE).</summary>
    SetUpdate,

    /// <summary>dict m → dict (adds the items of mapping m, later keys winning: a dict display's <c>**m</c>; 3.12's DICT_UPDATE).</summary>
    DictUpdate,

    /// <summary>list → tuple of its items (a tuple display with <c>*x</c>; 3.12's INTRINSIC_LIST_TO_TUPLE).</summary>
    ListToTuple,
}
