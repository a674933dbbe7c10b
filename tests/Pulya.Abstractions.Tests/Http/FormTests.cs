using System.Text;
using Microsoft.Extensions.Primitives;
using Pulya.Http;

namespace Pulya.Abstractions.Tests.Http;

public sealed class FormTests
{
    [Fact]
    public void A_file_describes_its_part_and_opens_a_new_stream_each_time()
    {
        var opened = 0;
        var file = new PulyaFile("upload", "a.txt", "text/plain", 2, () =>
        {
            opened++;
            return new MemoryStream("hi"u8.ToArray());
        });

        using var first = file.OpenReadStream();
        using var second = file.OpenReadStream();

        Assert.Equal(("upload", "a.txt", "text/plain", 2L), (file.Name, file.FileName, file.ContentType, file.Length));
        Assert.Equal("hi", new StreamReader(second, Encoding.UTF8).ReadToEnd());
        Assert.Equal(2, opened);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PulyaFile("n", "f", "t", -1, () => Stream.Null));
        Assert.Throws<ArgumentNullException>(() => new PulyaFile("n", "f", "t", 0, null!));
    }

    [Fact]
    public void A_form_finds_fields_and_files_by_name_ignoring_case()
    {
        var a = new PulyaFile("doc", "a.txt", "text/plain", 0, () => Stream.Null);
        var b = new PulyaFile("DOC", "b.txt", "text/plain", 0, () => Stream.Null);
        var form = new PulyaForm([new("Name", "x"), new("tags", new StringValues(["1", "2"]))], [a, b]);

        Assert.Equal("x", form["name"]);
        Assert.Equal("1,2", form["TAGS"].ToString());
        Assert.Equal(StringValues.Empty, form["missing"]);
        Assert.Equal(2, form.Fields.Count);
        Assert.Same(a, form.GetFile("Doc"));
        Assert.Null(form.GetFile("other"));
        Assert.Equal([a, b], form.GetFiles("doc"));
        Assert.Empty(PulyaForm.Empty.Fields);
        Assert.Empty(PulyaForm.Empty.Files);
    }

    [Fact]
    public void Form_and_cookie_attributes_name_their_source()
    {
        Assert.Null(new FormAttribute().Name);
        Assert.Equal("f", new FormAttribute("f").Name);
        Assert.Null(new CookieAttribute().Name);
        Assert.Equal("c", new CookieAttribute("c").Name);
        Assert.Throws<ArgumentException>(() => new FormAttribute(""));
        Assert.Throws<ArgumentException>(() => new CookieAttribute(""));
    }
}
