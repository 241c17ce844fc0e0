using Mdm.Connectors.Configuration;
using Mdm.Engine.Records;

namespace Mdm.Connectors.Reading;

/// <summary>Collects the distinct columns a plan reads; each becomes a slot index.</summary>
internal sealed class SlotList
{
    private readonly List<ColumnSlot> _slots = [];

    public IReadOnlyList<ColumnSlot> Slots => _slots;

    public int Add(string column, string role, bool phone = false)
    {
        for (var i = 0; i < _slots.Count; i++)
        {
            if (!string.Equals(_slots[i].Column, column, StringComparison.Ordinal)) continue;
            var slot = _slots[i];
            _slots[i] = new ColumnSlot(column, $"{slot.Role}, {role}", phone ? PhoneSeparator : slot.ArraySeparator);
            return i;
        }
        _slots.Add(new ColumnSlot(column, role, phone ? PhoneSeparator : " "));
        return _slots.Count - 1;
    }

    /// <summary>Several phone numbers in one value are separated by "; " (the phone parser splits on ';').</summary>
    public const string PhoneSeparator = "; ";
}

/// <summary>One canonical field: the slots whose non-empty values are joined with <paramref name="Separator"/>.</summary>
internal sealed record FieldPlan(string Name, int[] Slots, string Separator);

/// <summary>How a record source's rows become records: column slots resolved once, then only values per row.</summary>
internal sealed class RecordPlan
{
    private RecordPlan(IReadOnlyList<ColumnSlot> slots, int keySlot, int kindSlot, int deletedSlot, int updatedAtSlot, FieldPlan[] fields)
    {
        Slots = slots;
        KeySlot = keySlot;
        KindSlot = kindSlot;
        DeletedSlot = deletedSlot;
        UpdatedAtSlot = updatedAtSlot;
        Fields = fields;
    }

    public IReadOnlyList<ColumnSlot> Slots { get; }
    public int KeySlot { get; }
    public int KindSlot { get; }
    public int DeletedSlot { get; }
    public int UpdatedAtSlot { get; }
    public FieldPlan[] Fields { get; }

    public static RecordPlan Create(SourceDefinition source)
    {
        var slots = new SlotList();
        var keySlot = slots.Add(source.Key, "key");
        var kindSlot = source.KindMapping.Column is { } kindColumn ? slots.Add(kindColumn, "kind") : -1;
        var deletedSlot = source.DeletedFlag is { } deleted ? slots.Add(deleted.Column, "deleted flag") : -1;
        var updatedAtSlot = source.UpdatedAtColumn is { } updated ? slots.Add(updated, "updated_at") : -1;
        var fields = new FieldPlan[source.Fields.Count];
        var i = 0;
        foreach (var (name, mapping) in source.Fields)
        {
            var phone = name == CanonicalField.Phone;
            var fieldSlots = new int[mapping.Columns.Count];
            for (var c = 0; c < fieldSlots.Length; c++)
                fieldSlots[c] = slots.Add(mapping.Columns[c], $"field '{name}'", phone);
            fields[i++] = new FieldPlan(name, fieldSlots, phone ? SlotList.PhoneSeparator : " ");
        }
        return new RecordPlan(slots.Slots, keySlot, kindSlot, deletedSlot, updatedAtSlot, fields);
    }
}

/// <summary>How a transaction file's rows become transactions.</summary>
internal sealed class TransactionPlan
{
    private TransactionPlan(IReadOnlyList<ColumnSlot> slots, int keySlot, int amountSlot, int dateSlot)
    {
        Slots = slots;
        KeySlot = keySlot;
        AmountSlot = amountSlot;
        DateSlot = dateSlot;
    }

    public IReadOnlyList<ColumnSlot> Slots { get; }
    public int KeySlot { get; }
    public int AmountSlot { get; }
    public int DateSlot { get; }

    public static TransactionPlan Create(TransactionSourceDefinition source)
    {
        var slots = new SlotList();
        var keySlot = slots.Add(source.Key, "key");
        var amountSlot = slots.Add(source.Amount, "amount");
        var dateSlot = source.Date is { } date ? slots.Add(date, "date") : -1;
        return new TransactionPlan(slots.Slots, keySlot, amountSlot, dateSlot);
    }
}
