using System.Globalization;

namespace Pulya.Orders;

/// <summary>A fixed catalogue of 200 products in five categories (the same on every start).</summary>
public static class Catalog
{
    public const int PageSize = 20;

    private static readonly string[] Categories = ["books", "games", "garden", "kitchen", "music"];

    public static IReadOnlyList<Product> Products { get; } = [.. Enumerable.Range(1, 200).Select(i => new Product(
        $"SKU-{i:0000}",
        $"Product {i}",
        Categories[i % Categories.Length],
        Math.Round(1.99m + (i * 0.75m), 2),
        [Categories[i % Categories.Length], i % 2 == 0 ? "even" : "odd", $"batch-{i / 50}"]))];

    /// <summary>Products of a category (all when none is given), one page of <see cref="PageSize"/>.</summary>
    public static ProductPage Page(string? category, int page)
    {
        var matching = category is null ? Products : [.. Products.Where(p => p.Category == category)];
        var number = Math.Max(1, page);
        return new ProductPage(number, PageSize, matching.Count, [.. matching.Skip((number - 1) * PageSize).Take(PageSize)]);
    }

    public static Product? Find(string sku) => Products.FirstOrDefault(p => string.Equals(p.Sku, sku, StringComparison.OrdinalIgnoreCase));

    /// <summary>The price of a SKU; unknown SKUs cost 9.99.</summary>
    public static decimal PriceOf(string sku) => Find(sku)?.Price ?? decimal.Parse("9.99", CultureInfo.InvariantCulture);
}
