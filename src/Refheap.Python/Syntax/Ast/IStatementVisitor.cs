namespace Refheap.Python.Syntax.Ast;

/// <summary>
/// One method per statement node, so that a pass over the tree (the compiler, the dumper)
/// cannot forget a kind of node: adding a node adds a method every visitor must implement.
/// </summary>
internal interface IStatementVisitor<out TResult>
{
    TResult VisitExpressionStatement(ExpressionStatement node);

    TResult VisitAssignStatement(AssignStatement node);

    TResult VisitAugmentedAssignStatement(AugmentedAssignStatement node);

    TResult VisitAnnotatedAssignStatement(AnnotatedAssignStatement node);

    TResult VisitDeleteStatement(DeleteStatement node);

    TResult VisitPassStatement(PassStatement node);

    TResult VisitBreakStatement(BreakStatement node);

    TResult VisitContinueStatement(ContinueStatement node);

    TResult VisitReturnStatement(ReturnStatement node);

    TResult VisitGlobalStatement(GlobalStatement node);

    TResult VisitNonlocalStatement(NonlocalStatement node);

    TResult VisitIfStatement(IfStatement node);

    TResult VisitWhileStatement(WhileStatement node);

    TResult VisitForStatement(ForStatement node);

    TResult VisitWithStatement(WithStatement node);

    TResult VisitFunctionDefinition(FunctionDefinition node);

    TResult VisitClassDefinition(ClassDefinition node);

    TResult VisitTryStatement(TryStatement node);

    TResult VisitRaiseStatement(RaiseStatement node);

    TResult VisitAssertStatement(AssertStatement node);

    TResult VisitImportStatement(ImportStatement node);

    TResult VisitImportFromStatement(ImportFromStatement node);

    TResult VisitPrintStatement(PrintStatement node);

    TResult VisitExecStatement(ExecStatement node);
}
