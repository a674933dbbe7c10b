namespace Pulya.Orders;

/// <summary>A product of the catalogue.</summary>
public sealed record Product(string Sku, string Name, string Category, decimal Price, string[] Tags);

/// <summary>One page of products.</summary>
public sealed record ProductPage(int Page, int PageSize, int Total, IReadOnlyList<Product> Items);

/// <summary>A line of an order.</summary>
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

/// <summary>An order with its lines and total.</summary>
public sealed record Order(Guid Id, long CustomerId, string Status, IReadOnlyList<OrderLine> Lines, decimal Total, Address ShipTo);

/// <summary>A postal address.</summary>
public sealed record Address(string Street, string City, string PostalCode, string Country);

/// <summary>The body of <c>POST /orders</c>.</summary>
public sealed record NewOrder(long CustomerId, List<NewOrderLine> Lines, Address ShipTo, string? Note);

/// <summary>A line of <see cref="NewOrder"/>.</summary>
public sealed record NewOrderLine(string Sku, int Quantity);

/// <summary>The body of <c>PUT /orders/{id}/status</c>.</summary>
public sealed record StatusChange(string Status);

/// <summary>An error body.</summary>
public sealed record ApiError(string Error);
