using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Compiler;

internal sealed partial class CodeGenerator : IExpressionVisitor<bool>
{
    /// <summary>The BinaryOp argument for 2.7's classic division (<c>/</c> without <c>from __future__ import division</c>).</summary>
    public const int ClassicDivide = 100;

    /// <summary>The UnaryOp argument for 2.7's backticks (<c>`x`</c> is <c>repr(x)</c>).</summary>
    public const int ReprOperator = 100;

    /// <summary>Compiles an expression: its value ends on top of the stack; its instructions carry its span.</summary>
    private void Eval(Expression e)
    {
        var (outerSpan, outerLine) = EnterNode(e);
        e.Accept(this);
        LeaveNode(outerSpan, outerLine);
    }

    /// <summary>
    /// The location of the instructions a node compiles to: its span, and its line — 3.x's own
    /// (the enclosing node's again after it), 2.7's only when it is further down (compile.c's
    /// compiler_visit_expr never goes back up within a statement). Returns what to restore.
    /// </summary>
    private (Syntax.SourceSpan Span, int Line) EnterNode(Node node)
    {
        var outer = (_span, _line);
        _span = node.Span;
        if (!Py27 && node is AttributeExpression attribute && attribute.Span.EndLine != attribute.Span.Line)
        {
            // 3.11+'s update_start_location_to_match_attr: an attribute on a later line is located at its name.
            var end = attribute.Span;
            _span = new Syntax.SourceSpan(end.EndLine, end.EndColumn - attribute.Name.Length, end.EndLine, end.EndColumn);
            _line = end.EndLine;
            return outer;
        }

        if (!Py27 || node.Line > _line)
        {
            _line = node.Line;
        }

        return outer;
    }

    private void LeaveNode(Syntax.SourceSpan outerSpan, int outerLine)
    {
        _span = outerSpan;
        if (!Py27)
        {
            _line = outerLine;
        }
    }

    private int BinaryArgument(BinaryOperator op) =>
        op == BinaryOperator.Divide && !_compilation.TrueDivision ? ClassicDivide : (int)op;

    /// <inheritdoc/>
    public bool VisitName(NameExpression node)
    {
        LoadName(node.Identifier);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitIntegerLiteral(IntegerLiteral node)
    {
        LoadConstant(node.IsLong ? new LongLiteral(node.Value) : node.Value);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitFloatLiteral(FloatLiteral node)
    {
        LoadConstant(node.Value);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitImaginaryLiteral(ImaginaryLiteral node) => throw Unsupported("complex numbers", node);

    /// <inheritdoc/>
    public bool VisitStringLiteral(StringLiteral node)
    {
        if (node.Kind == StringKind.Bytes)
        {
            throw Unsupported("bytes literals", node);
        }

        if (node.Kind == StringKind.Unicode)
        {
            // 2.7's u'' (and any text under unicode_literals) is a unicode object, another
            // type with another repr: Refheap has no such type, and a str would differ silently.
            throw Unsupported("unicode literals (2.7's unicode type)", node);
        }

        if (!Py27 && HasCharacterAboveBasicPlane(node.Value))
        {
            // 3.x text holds code points, Refheap's str UTF-16 units: such a character would be
            // two of them (another len(), other indexes). 2.7's byte strings hold UTF-8 bytes.
            throw Unsupported("characters outside the Basic Multilingual Plane (above U+FFFF) in text", node);
        }

        LoadConstant(node.Value);
        return true;
    }

    private static bool HasCharacterAboveBasicPlane(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsSurrogatePair(text[i], text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public bool VisitFormattedString(FormattedString node)
    {
        foreach (var part in node.Parts)
        {
            Eval(part);
        }

        if (node.Parts.Count != 1)
        {
            Emit(OpCode.BuildString, node.Parts.Count);
        }
        else if (node.Parts[0] is StringLiteral)
        {
            // A lone literal part is already the str.
        }
        else
        {
            Emit(OpCode.BuildString, 1);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitFormattedValue(FormattedValue node)
    {
        Eval(node.Value);
        var flags = (node.Conversion ?? '\0') << 8;
        if (node.FormatSpec != null)
        {
            Eval(node.FormatSpec);
            flags |= 1;
        }

        Emit(OpCode.FormatValue, flags);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitNoneLiteral(NoneLiteral node)
    {
        LoadConstant(null);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitBooleanLiteral(BooleanLiteral node)
    {
        LoadConstant(node.Value);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitEllipsisLiteral(EllipsisLiteral node)
    {
        LoadConstant(ConstantKind.Ellipsis);
        return true;
    }

    /// <summary>
    /// Builds a list, set or tuple display (3.12's starunpack_helper): without a starred item,
    /// the items then one build instruction; with one, the items before it built into a list
    /// (set), then each later item appended or, starred, extended, a tuple made of the list at
    /// the end. So the list grows as CPython's does.
    /// </summary>
    private void BuildDisplay(IReadOnlyList<Expression> elements, OpCode build, bool tuple)
    {
        var firstStar = -1;
        for (var i = 0; i < elements.Count && firstStar < 0; i++)
        {
            firstStar = elements[i] is StarredExpression ? i : -1;
        }

        if (firstStar < 0)
        {
            foreach (var e in elements)
            {
                Eval(e);
            }

            Emit(tuple ? OpCode.BuildTuple : build, elements.Count);
            return;
        }

        var set = build == OpCode.BuildSet;
        for (var i = 0; i < firstStar; i++)
        {
            Eval(elements[i]);
        }

        Emit(build, firstStar);
        for (var i = firstStar; i < elements.Count; i++)
        {
            if (elements[i] is StarredExpression starred)
            {
                Eval(starred.Value);
                Emit(set ? OpCode.SetUpdate : OpCode.ListExtend, ListExtendInDisplay);
            }
            else
            {
                Eval(elements[i]);
                Emit(set ? OpCode.SetAdd : OpCode.ListAppend, 1);
            }
        }

        if (tuple)
        {
            Emit(OpCode.ListToTuple);
        }
    }

    /// <inheritdoc/>
    public bool VisitTuple(TupleExpression node)
    {
        if (FoldTuple(node) is { } folded)
        {
            LoadConstant(folded);
            return true;
        }

        BuildDisplay(node.Elements, OpCode.BuildList, tuple: true);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitList(ListExpression node)
    {
        // 3.x: a display of three or more constants is BUILD_LIST 0 + LIST_EXTEND of a constant
        // tuple, so the list is over-allocated as CPython 3.12's is (sys.getsizeof shows it).
        if (!Py27 && node.Elements.Count >= 3 && node.Elements.All(IsSimpleConstant))
        {
            Emit(OpCode.BuildList, 0);
            LoadConstant(new TupleConstant([.. node.Elements.Select(ConstantValue)]));
            Emit(OpCode.ListExtend);
            return true;
        }

        BuildDisplay(node.Elements, OpCode.BuildList, tuple: false);
        return true;
    }

    /// <summary>
    /// Compiles an expression used only as an iterable (a <c>for</c> loop's, a comprehension's,
    /// the right side of <c>in</c>/<c>not in</c>). 3.12's AST optimizer (fold_iter) makes a list
    /// display there a tuple display, folded to a constant when its items are.
    /// </summary>
    private void EvalIterable(Expression iterable)
    {
        if (!Py27 && iterable is ListExpression list && !list.Elements.Any(e => e is StarredExpression))
        {
            VisitTuple(new TupleExpression(list.Elements, list.Span));
            return;
        }

        Eval(iterable);
    }

    /// <summary>
    /// A tuple display CPython compiles to one constant, or null. 3.12's AST optimizer folds any
    /// display of constants (True, False, None, negative numbers and nested such tuples too).
    /// 2.7's peephole optimizer folds a run of LOAD_CONSTs before BUILD_TUPLE: True and False are
    /// names there, and a nested tuple it folded first leaves NOPs before its constant, which
    /// break the run unless it is the first item.
    /// </summary>
    private TupleConstant? FoldTuple(TupleExpression node)
    {
        var items = new object?[node.Elements.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var e = node.Elements[i];
            if (e is TupleExpression inner && (!Py27 || i == 0) && FoldTuple(inner) is { } folded)
            {
                items[i] = folded;
            }
            else if (Py27 && e is BooleanLiteral)
            {
                return null;
            }
            else if (Py27 && e is NameExpression { Identifier: "None" })
            {
                items[i] = null; // the peephole optimizer loads the name None as the constant
            }
            else if (!TryFoldedNumberOrConstant(e, out items[i]))
            {
                return null;
            }
        }

        return new TupleConstant(items);
    }

    // A constant item: a simple literal, or a negated number literal (folded by 2.7's parser and
    // 3.12's AST optimizer alike).
    private static bool TryFoldedNumberOrConstant(Expression e, out object? value)
    {
        value = null;
        if (IsSimpleConstant(e))
        {
            value = ConstantValue(e);
            return true;
        }

        if (e is UnaryExpression { Operator: UnaryOperator.Minus, Operand: IntegerLiteral { IsLong: false } i })
        {
            value = -i.Value;
            return true;
        }

        if (e is UnaryExpression { Operator: UnaryOperator.Minus, Operand: FloatLiteral f })
        {
            value = -f.Value;
            return true;
        }

        return false;
    }

    private static bool IsSimpleConstant(Expression e) =>
        e is IntegerLiteral { IsLong: false } or FloatLiteral or NoneLiteral or BooleanLiteral or EllipsisLiteral or StringLiteral { Kind: not StringKind.Bytes };

    private static object? ConstantValue(Expression e) => e switch
    {
        IntegerLiteral i => i.Value,
        FloatLiteral f => f.Value,
        BooleanLiteral b => b.Value,
        StringLiteral s => s.Value,
        EllipsisLiteral => ConstantKind.Ellipsis,
        _ => null,
    };

    /// <inheritdoc/>
    public bool VisitSet(SetExpression node)
    {
        BuildDisplay(node.Elements, OpCode.BuildSet, tuple: false);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitDict(DictExpression node)
    {
        // 3.12's compiler_dict: each run of key/value pairs built into a dict of its own, each
        // **m merged into the first dict made (an empty one when the display starts with it).
        var n = node.Keys.Count;
        var pairs = 0;
        var haveDict = false;
        for (var i = 0; i < n; i++)
        {
            if (node.Keys[i] != null)
            {
                pairs++;
                continue;
            }

            if (pairs > 0)
            {
                BuildSubDict(node, i - pairs, i, haveDict);
                haveDict = true;
                pairs = 0;
            }

            if (!haveDict)
            {
                Emit(OpCode.BuildMap, 0);
                haveDict = true;
            }

            Eval(node.Values[i]);
            Emit(OpCode.DictUpdate);
        }

        if (pairs > 0 || !haveDict)
        {
            BuildSubDict(node, n - pairs, n, haveDict);
        }

        return true;
    }

    /// <summary>A dict of the display's pairs [begin, end), merged into the dict below it when <paramref name="merge"/>.</summary>
    private void BuildSubDict(DictExpression node, int begin, int end, bool merge)
    {
        for (var i = begin; i < end; i++)
        {
            Eval(node.Keys[i]!);
            Eval(node.Values[i]);
        }

        Emit(OpCode.BuildMap, end - begin);
        if (merge)
        {
            Emit(OpCode.DictUpdate);
        }
    }

    /// <summary>
    /// The loops of a comprehension. <paramref name="loadFirst"/> puts the first iterator on the
    /// stack (null: it is there already); <paramref name="element"/> emits the innermost step with
    /// the number of iterators on the stack above the result.
    /// </summary>
    private void EmitComprehensionLoops(IReadOnlyList<Comprehension> generators, int index, Action? loadFirst, Action<int> element)
    {
        var g = generators[index];
        if (g.IsAsync)
        {
            throw Unsupported("async comprehensions", g);
        }

        if (index > 0)
        {
            EvalIterable(g.Iterable);
            Emit(OpCode.GetIter);
        }
        else
        {
            loadFirst?.Invoke();
        }

        var top = new Label { Depth = _depth };
        var exhausted = new Label();
        Bind(top);
        EmitJump(OpCode.ForIter, exhausted);
        StoreTarget(g.Target);
        foreach (var condition in g.Conditions)
        {
            Eval(condition);
            EmitJump(OpCode.PopJumpIfFalse, top);
        }

        if (index + 1 < generators.Count)
        {
            EmitComprehensionLoops(generators, index + 1, loadFirst, element);
        }
        else
        {
            element(index + 1);
        }

        EmitJump(OpCode.Jump, top);
        Bind(exhausted);
    }

    /// <summary>Compiles a comprehension that runs as its own function, called with iter(first iterable).</summary>
    private void EmitComprehensionCall(Node node, IReadOnlyList<Comprehension> generators, string name, Action<CodeGenerator> body)
    {
        var child = _compilation.ScopeOf(node);
        var code = CompileFunction(child, name, node.Line, null, body);
        EmitMakeFunction(code, child, null);
        EvalIterable(generators[0].Iterable);
        Emit(OpCode.GetIter);
        Emit(OpCode.Call, 1);
    }

    /// <summary>
    /// A list, set or dict comprehension of a dialect that runs it as a function of its own
    /// (2.7's set and dict comprehensions): <paramref name="build"/> makes the empty result,
    /// <paramref name="element"/> adds an item given the number of iterators above it.
    /// </summary>
    private void EmitComprehensionFunction(Node node, IReadOnlyList<Comprehension> generators, string name, OpCode build, Action<CodeGenerator, int> element) =>
        EmitComprehensionCall(node, generators, name, g =>
        {
            g.Emit(build, 0);
            g.EmitComprehensionLoops(generators, 0, () => g.Emit(OpCode.LoadFast, 0), depth => element(g, depth));
            g.Emit(OpCode.ReturnValue);
        });

    /// <summary>
    /// 3.12's inlined comprehension (PEP 709), as its compiler lays it out: the first iterable's
    /// iterator, then the slot of each saved name pushed and cleared (a captured one gets a new
    /// cell), the result built under the iterator, the loops, and the saved slots restored — on
    /// the way out of an exception too, by a handler that drops the result first. No function,
    /// no frame: the variables are slots of the enclosing frame, hidden from its other code.
    /// </summary>
    private void EmitInlinedComprehension(Node node, IReadOnlyList<Comprehension> generators, OpCode build, Action<int> element)
    {
        var comprehension = _compilation.ScopeOf(node);
        var consumer = _comprehensionConsumer?.Value == node ? _comprehensionConsumer : null;
        _comprehensionConsumer = null;
        EvalIterable(generators[0].Iterable);
        Emit(OpCode.GetIter);
        _inlined.Add(comprehension);
        var saved = comprehension.SavedNames;
        var slots = new int[saved.Count];
        for (var i = 0; i < saved.Count; i++)
        {
            var cell = comprehension.CellNames.Contains(saved[i]);
            slots[i] = cell ? CellSlot(saved[i]) : FastSlot(saved[i]);
            Emit(cell ? OpCode.ReplaceCell : OpCode.LoadFastAndClear, slots[i]);
        }

        if (saved.Count > 0)
        {
            Emit(OpCode.Swap, saved.Count + 1);
        }

        Emit(build, 0);
        Emit(OpCode.Swap, 2);
        var cleanup = new Label();
        PushHandler(cleanup, _depth - 1);
        EmitComprehensionLoops(generators, 0, null, element);
        PopHandler();
        _inlined.RemoveAt(_inlined.Count - 1);

        // A STORE_FAST of the result on the same line is moved before the restores by 3.12's
        // apply_static_swaps when it stores to another slot: the first restore then goes last.
        // (An expression statement's POP_TOP has no line then, so it stays after them.)
        if (consumer != null && saved.Count > 0 && consumer.Line == node.Line && !slots.Contains(consumer.Slot))
        {
            consumer.Emit();
            consumer.Consumed = true;
            for (var i = saved.Count - 2; i >= 0; i--)
            {
                Emit(OpCode.StoreFast, slots[i]);
            }

            Emit(OpCode.StoreFast, slots[^1]);
        }
        else
        {
            EmitRestores(slots);
        }

        var end = new Label();
        EmitJump(OpCode.Jump, end);
        Bind(cleanup);
        Emit(OpCode.Swap, 2);
        Emit(OpCode.PopTop);
        EmitRestores(slots);
        Emit(OpCode.Reraise);
        Bind(end);
    }

    /// <summary>Puts the saved slots back from under the value on top, last saved first.</summary>
    private void EmitRestores(int[] slots)
    {
        if (slots.Length == 0)
        {
            return;
        }

        Emit(OpCode.Swap, slots.Length + 1);
        for (var i = slots.Length - 1; i >= 0; i--)
        {
            Emit(OpCode.StoreFast, slots[i]);
        }
    }

    /// <summary>
    /// Compiles <paramref name="value"/>, and when it is an inlined comprehension lets it emit
    /// <paramref name="consume"/> (a store to fast slot <paramref name="slot"/> on
    /// <paramref name="line"/>) where 3.12's optimizer moves it; whether it did.
    /// </summary>
    private bool EvalConsumedComprehension(Expression value, int line, int slot, Action consume)
    {
        if (value is not (ListComprehension or SetComprehension or DictComprehension) || !SymbolTableBuilder.ComprehensionsAreInlined(Dialect))
        {
            Eval(value);
            return false;
        }

        var consumer = new ComprehensionConsumer(value, line, slot, consume);
        _comprehensionConsumer = consumer;
        Eval(value);
        return consumer.Consumed;
    }

    /// <inheritdoc/>
    public bool VisitListComprehension(ListComprehension node)
    {
        void Element(CodeGenerator g, int depth)
        {
            g.Eval(node.Element);
            g.Emit(OpCode.ListAppend, depth + 1);
        }

        if (SymbolTableBuilder.ComprehensionsAreInlined(Dialect))
        {
            EmitInlinedComprehension(node, node.Generators, OpCode.BuildList, depth => Element(this, depth));
            return true;
        }

        // 2.7 runs it in the enclosing scope without isolation: its variable leaks.
        Emit(OpCode.BuildList, 0);
        EmitComprehensionLoops(node.Generators, 0, () =>
        {
            Eval(node.Generators[0].Iterable);
            Emit(OpCode.GetIter);
        }, depth => Element(this, depth));
        return true;
    }

    /// <summary>A set or dict comprehension: inlined in 3.12 (PEP 709), a function of its own in 2.7.</summary>
    private void EmitSetOrDictComprehension(Node node, IReadOnlyList<Comprehension> generators, string name, OpCode build, Action<CodeGenerator, int> element)
    {
        if (SymbolTableBuilder.ComprehensionsAreInlined(Dialect))
        {
            EmitInlinedComprehension(node, generators, build, depth => element(this, depth));
        }
        else
        {
            EmitComprehensionFunction(node, generators, name, build, element);
        }
    }

    /// <inheritdoc/>
    public bool VisitSetComprehension(SetComprehension node)
    {
        void Element(CodeGenerator g, int depth)
        {
            g.Eval(node.Element);
            g.Emit(OpCode.SetAdd, depth + 1);
        }

        EmitSetOrDictComprehension(node, node.Generators, "<setcomp>", OpCode.BuildSet, Element);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitDictComprehension(DictComprehension node)
    {
        void Element(CodeGenerator g, int depth)
        {
            g.Eval(node.Key);
            g.Eval(node.Value);
            g.Emit(OpCode.MapAdd, depth + 1);
        }

        EmitSetOrDictComprehension(node, node.Generators, "<dictcomp>", OpCode.BuildMap, Element);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitGenerator(GeneratorExpression node)
    {
        EmitComprehensionCall(node, node.Generators, "<genexpr>", g =>
        {
            g.EmitComprehensionLoops(node.Generators, 0, () => g.Emit(OpCode.LoadFast, 0), _ =>
            {
                g.Eval(node.Element);
                g.Emit(OpCode.YieldValue);
                g.Emit(OpCode.PopTop);
            });
        });
        return true;
    }

    /// <inheritdoc/>
    public bool VisitAttribute(AttributeExpression node)
    {
        Eval(node.Value);
        Emit(OpCode.LoadAttr, AttributeName(node.Name));
        return true;
    }

    /// <inheritdoc/>
    public bool VisitSubscript(SubscriptExpression node)
    {
        Eval(node.Value);
        if (node.Index is SliceExpression slice)
        {
            Emit(OpCode.Slice, SliceParts(slice));
            return true;
        }

        Eval(node.Index);
        Emit(OpCode.BinarySubscript);
        return true;
    }

    /// <inheritdoc/>
    /// <remarks>A slice that is not the whole subscript, e.g. in <c>o[1:2, 3]</c>: a slice object.</remarks>
    public bool VisitSlice(SliceExpression node)
    {
        Emit(OpCode.BuildSlice, SliceParts(node));
        return true;
    }

    /// <inheritdoc/>
    public bool VisitCall(CallExpression node)
    {
        var star = node.Arguments.Any(a => a is StarredExpression) || node.Keywords.Any(k => k.Name == null);
        if (!Py27 && !star && node.Function is AttributeExpression method)
        {
            // 3.12 calls o.name(...) without a bound method (LOAD_ATTR with its method flag),
            // located at the attribute as LOAD_ATTR is (its carets in a traceback).
            Eval(method.Value);
            var (callSpan, callLine) = EnterNode(method);
            Emit(OpCode.LoadMethod, AttributeName(method.Name));
            LeaveNode(callSpan, callLine);
            foreach (var a in node.Arguments)
            {
                Eval(a);
            }

            if (node.Keywords.Count == 0)
            {
                Emit(OpCode.CallMethod, node.Arguments.Count);
                return true;
            }

            foreach (var k in node.Keywords)
            {
                Eval(k.Value);
            }

            LoadConstant(new KeywordNames([.. node.Keywords.Select(k => k.Name!)]));
            Emit(OpCode.CallMethodKeywords, node.Arguments.Count + node.Keywords.Count);
            return true;
        }

        Eval(node.Function);
        if (!star)
        {
            foreach (var a in node.Arguments)
            {
                Eval(a);
            }

            foreach (var k in node.Keywords)
            {
                Eval(k.Value);
            }

            if (node.Keywords.Count == 0)
            {
                Emit(OpCode.Call, node.Arguments.Count);
            }
            else
            {
                LoadConstant(new KeywordNames([.. node.Keywords.Select(k => k.Name!)]));
                Emit(OpCode.CallKeywords, node.Arguments.Count + node.Keywords.Count);
            }

            return true;
        }

        // f(a, *b, c=1, **d): a list of positional arguments and a dict of keywords. A *b that
        // is not iterable is reported naming the function where CPython passes it to the call
        // as it is (2.7 always; 3.12 when it is the only positional argument), else as a display's.
        Emit(OpCode.BuildList, 0);
        var starArg = Py27 || node.Arguments.Count == 1 ? ListExtendInCall : ListExtendInDisplay;
        foreach (var a in node.Arguments)
        {
            if (a is StarredExpression s)
            {
                Eval(s.Value);
                Emit(OpCode.ListExtend, starArg);
            }
            else
            {
                Eval(a);
                Emit(OpCode.ListAppend, 1);
            }
        }

        var hasKeywords = node.Keywords.Count > 0;
        if (hasKeywords)
        {
            BuildKeywordDict(node.Keywords, OpCode.DictMerge);
        }

        Emit(OpCode.CallEx, hasKeywords ? 1 : 0);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitStarred(StarredExpression node) => throw Unsupported("starred expressions here", node);

    /// <inheritdoc/>
    public bool VisitUnary(UnaryExpression node)
    {
        Eval(node.Operand);
        Emit(OpCode.UnaryOp, (int)node.Operator);
        return true;
    }

    /// <summary>
    /// A dict of keywords: each <c>name=value</c> added, each <c>**m</c> merged with
    /// <paramref name="merge"/> (a call's DictMerge refuses a repeated key; a class statement's
    /// DictUpdate).
    /// </summary>
    private void BuildKeywordDict(IReadOnlyList<KeywordArgument> keywords, OpCode merge)
    {
        Emit(OpCode.BuildMap, 0);
        foreach (var k in keywords)
        {
            if (k.Name == null)
            {
                Eval(k.Value);
                Emit(merge);
            }
            else
            {
                LoadConstant(k.Name);
                Eval(k.Value);
                Emit(OpCode.MapAdd, 1);
            }
        }
    }

    /// <inheritdoc/>
    public bool VisitBinary(BinaryExpression node)
    {
        if (!Py27 && node.Operator == BinaryOperator.Modulo && node.Left is StringLiteral { Kind: StringKind.Str } format
            && node.Right is TupleExpression items && !items.Elements.Any(e => e is StarredExpression) && FoldTuple(items) == null
            && PercentFormatRewrite.TryRewrite(format, items, node.Span) is { } rewritten)
        {
            return VisitFormattedString(rewritten);
        }

        Eval(node.Left);
        Eval(node.Right);
        Emit(OpCode.BinaryOp, BinaryArgument(node.Operator));
        return true;
    }

    /// <inheritdoc/>
    public bool VisitBoolean(BooleanExpression node)
    {
        var end = new Label();
        var jump = node.Operator == BooleanOperator.And ? OpCode.JumpIfFalseOrPop : OpCode.JumpIfTrueOrPop;
        for (var i = 0; i < node.Values.Count; i++)
        {
            Eval(node.Values[i]);
            if (i < node.Values.Count - 1)
            {
                EmitJump(jump, end);
            }
        }

        Bind(end);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitCompare(CompareExpression node)
    {
        Eval(node.Left);
        var last = node.Operators.Count - 1;
        var iterable = node.Operators[last] is ComparisonOperator.In or ComparisonOperator.NotIn;
        if (node.Operators.Count == 1)
        {
            if (iterable)
            {
                EvalIterable(node.Comparators[0]);
            }
            else
            {
                Eval(node.Comparators[0]);
            }

            Emit(OpCode.CompareOp, (int)node.Operators[0]);
            return true;
        }

        var cleanup = new Label();
        var end = new Label();
        for (var i = 0; i < node.Operators.Count; i++)
        {
            if (i == last && iterable)
            {
                EvalIterable(node.Comparators[i]);
            }
            else
            {
                Eval(node.Comparators[i]);
            }

            if (i < node.Operators.Count - 1)
            {
                Emit(OpCode.DupTop);
                Emit(OpCode.RotThree);
                Emit(OpCode.CompareOp, (int)node.Operators[i]);
                EmitJump(OpCode.JumpIfFalseOrPop, cleanup);
            }
            else
            {
                Emit(OpCode.CompareOp, (int)node.Operators[i]);
            }
        }

        EmitJump(OpCode.Jump, end);
        Bind(cleanup);
        Emit(OpCode.RotTwo);
        Emit(OpCode.PopTop);
        Bind(end);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitConditional(ConditionalExpression node)
    {
        var orElse = new Label();
        var end = new Label();
        Eval(node.Test);
        EmitJump(OpCode.PopJumpIfFalse, orElse);
        Eval(node.Body);
        EmitJump(OpCode.Jump, end);
        Bind(orElse);
        Eval(node.OrElse);
        Bind(end);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitLambda(LambdaExpression node)
    {
        var child = _compilation.ScopeOf(node);
        var code = CompileFunction(child, "<lambda>", node.Line, node.Parameters, g =>
        {
            // None is a lambda's first constant (where a function's docstring would be).
            g.Constant(null);
            g.Eval(node.Body);
            if (!child.IsGenerator)
            {
                g.Emit(OpCode.ReturnValue);
            }
            else
            {
                g.Emit(OpCode.PopTop);
            }
        });
        EmitMakeFunction(code, child, node.Parameters);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitYield(YieldExpression node)
    {
        if (_scope.Kind != ScopeKind.Function)
        {
            throw Unsupported("'yield' outside a function", node);
        }

        if (node.Value != null)
        {
            Eval(node.Value);
        }
        else
        {
            LoadConstant(null);
        }

        Emit(OpCode.YieldValue);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitYieldFrom(YieldFromExpression node)
    {
        if (_scope.Kind != ScopeKind.Function)
        {
            throw Unsupported("'yield from' outside a function", node);
        }

        Eval(node.Value);
        Emit(OpCode.GetIter);
        LoadConstant(null);
        Emit(OpCode.YieldFrom);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitAwait(AwaitExpression node) => throw Unsupported("await", node);

    /// <inheritdoc/>
    public bool VisitNamed(NamedExpression node)
    {
        Eval(node.Value);
        Emit(OpCode.DupTop);
        StoreName(node.Target.Identifier);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitRepr(ReprExpression node)
    {
        Eval(node.Value);
        Emit(OpCode.UnaryOp, ReprOperator);
        return true;
    }
}
