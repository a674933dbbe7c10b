namespace Pulya.Orders;

/// <summary>Orders, derived from their id and customer so that every start answers alike (no database in a sample).</summary>
public sealed class OrderBook
{
    private static readonly Address Warehouse = new("1 Dock Road", "Rotterdam", "3011", "NL");

    /// <summary>The order with <paramref name="id"/>: its lines follow from the id's bytes.</summary>
    public Order Get(Guid id)
    {
        var bytes = id.ToByteArray();
        var lines = Enumerable.Range(0, 1 + (bytes[0] % 4))
            .Select(i => new OrderLine(Catalog.Products[(bytes[i + 1] + (i * 37)) % Catalog.Products.Count].Sku, 1 + (bytes[i + 5] % 3), 0))
            .Select(l => l with { UnitPrice = Catalog.PriceOf(l.Sku) })
            .ToList();
        return new Order(id, BitConverter.ToUInt32(bytes, 8), "open", lines, lines.Sum(l => l.UnitPrice * l.Quantity), Warehouse);
    }

    /// <summary>Five orders of a customer.</summary>
    public IReadOnlyList<Order> ForCustomer(long customerId) =>
        [.. Enumerable.Range(1, 5).Select(i => Get(new Guid((int)(customerId % int.MaxValue), (short)i, 0, [1, 2, 3, 4, 5, 6, 7, (byte)i])) with { CustomerId = customerId })];

    /// <summary>A new order priced from the catalogue (its id follows from its content).</summary>
    public Order Price(NewOrder order)
    {
        var lines = order.Lines.Select(l => new OrderLine(l.Sku, l.Quantity, Catalog.PriceOf(l.Sku))).ToList();
        var id = new Guid((int)(order.CustomerId % int.MaxValue), (short)lines.Count, (short)lines.Sum(l => l.Quantity), [0, 0, 0, 0, 0, 0, 0, 1]);
        return new Order(id, order.CustomerId, "new", lines, lines.Sum(l => l.UnitPrice * l.Quantity), order.ShipTo);
    }
}
