// A file chosen in a `data-fills` file input is read into the textarea it names, so the
// form sends its text (the page works without this: the text can be pasted).
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
    reader.readAsText(file, "utf-8");
  });
});
