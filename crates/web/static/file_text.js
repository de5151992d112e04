// A file chosen in a `data-fills` file input is read into the field it names, so the form
// sends it: as text (a table can be pasted instead), or with `data-as="url"` as a data URL
// (an image).
document.querySelectorAll("input[type=file][data-fills]").forEach((input) => {
  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    const target = document.getElementById(input.dataset.fills);
    if (!file || !target) return;
    const reader = new FileReader();
    reader.onload = () => {
      target.value = String(reader.result);
      target.dispatchEvent(new Event("input", { bubbles: true }));
    };
    if (input.dataset.as === "url") {
      reader.readAsDataURL(file);
    } else {
      reader.readAsText(file, "utf-8");
    }
  });
});
