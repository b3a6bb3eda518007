using System.Text;
using System.Text.Json;

namespace Refheap.Cli.Load;

/// <summary>
/// What one load client sends, request by request, decided by the seed alone (never by the
/// server's answers), so that a seed names one request sequence.
/// </summary>
/// <remarks>
/// The client loops: PUT a new task → PUT its subtasks → GET the task → GET each subtask →
/// while it holds more tasks than its target, DELETE one of them chosen at random. Until the
/// target is reached nothing is deleted, so the live tasks ramp up linearly with requests (as in
/// the talk, where the heap and the full-collection pauses grow during the ramp); from then on
/// each new task is matched by one deletion and the count holds at the target.
/// <code>
///   PutTask ─► PutSubtask ×S ─► GetTask ─► GetSubtask ×S ─┬─► (held ≤ target) PutTask
///                                                         └─► DeleteTask ×(held − target) ─► PutTask
/// </code>
/// </remarks>
public sealed class ClientPlan
{
    private readonly Random _random;
    private readonly int _target;
    private readonly int _subtasks;
    private readonly string _idPrefix;
    private readonly string _payload;
    private readonly List<string> _held = [];
    private EndpointKind _next = EndpointKind.PutTask;
    private int _subtask; // the next subtask of the current task to PUT or GET
    private string _current = "";
    private long _tasksMade;

    /// <summary>
    /// The plan of client <paramref name="client"/>: it ramps up to <paramref name="targetLiveTasks"/>
    /// tasks of <paramref name="subtasks"/> subtasks each, ids starting with <paramref name="idPrefix"/>,
    /// PUT bodies carrying a payload of <paramref name="payloadBytes"/> characters.
    /// </summary>
    public ClientPlan(int client, int seed, int targetLiveTasks, int subtasks, int payloadBytes, string idPrefix)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetLiveTasks);
        ArgumentOutOfRangeException.ThrowIfNegative(subtasks);
        ArgumentOutOfRangeException.ThrowIfNegative(payloadBytes);
        // A seeded Random runs the same sequence on every machine and .NET version.
        _random = new Random(unchecked((seed * 7919) + client));
        _target = targetLiveTasks;
        _subtasks = subtasks;
        _idPrefix = $"{idPrefix}c{client}t";
        _payload = Payload(_random, payloadBytes);
    }

    /// <summary>Tasks this client has created and not yet deleted.</summary>
    public int LiveTasks => _held.Count;

    /// <summary>The next request; the plan never ends (the runner stops asking).</summary>
    public PlannedRequest Next()
    {
        switch (_next)
        {
            case EndpointKind.PutTask:
                _current = _idPrefix + _tasksMade++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                _held.Add(_current);
                _subtask = 0;
                _next = _subtasks > 0 ? EndpointKind.PutSubtask : EndpointKind.GetTask;
                return new(EndpointKind.PutTask, $"/tasks/{_current}/", Body(_current), LiveTasks);

            case EndpointKind.PutSubtask:
            {
                var id = SubtaskId(_subtask);
                _next = ++_subtask < _subtasks ? EndpointKind.PutSubtask : EndpointKind.GetTask;
                return new(EndpointKind.PutSubtask, $"/subtasks/{_current}/{id}", Body(id), LiveTasks);
            }

            case EndpointKind.GetTask:
                _subtask = 0;
                _next = _subtasks > 0 ? EndpointKind.GetSubtask : AfterReads();
                return new(EndpointKind.GetTask, $"/tasks/{_current}/", null, LiveTasks);

            case EndpointKind.GetSubtask:
            {
                var id = SubtaskId(_subtask);
                _next = ++_subtask < _subtasks ? EndpointKind.GetSubtask : AfterReads();
                return new(EndpointKind.GetSubtask, $"/subtasks/{id}/", null, LiveTasks);
            }

            default:
            {
                // Swap-remove: the order of _held only matters through the seeded choice.
                var i = _random.Next(_held.Count);
                var victim = _held[i];
                _held[i] = _held[^1];
                _held.RemoveAt(_held.Count - 1);
                _next = AfterReads();
                return new(EndpointKind.DeleteTask, $"/tasks/{victim}/", null, LiveTasks);
            }
        }
    }

    private EndpointKind AfterReads() => _held.Count > _target ? EndpointKind.DeleteTask : EndpointKind.PutTask;

    // Subtask ids are unique across tasks: the server finds a subtask by its id alone.
    private string SubtaskId(int k) => $"{_current}s{k}";

    private string Body(string name) => _payload.Length == 0
        ? JsonSerializer.Serialize(new { name })
        : JsonSerializer.Serialize(new { name, payload = _payload });

    private static string Payload(Random random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }
}
