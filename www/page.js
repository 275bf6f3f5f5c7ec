// Derek's own page: its <title>, <html lang> and introduction follow the language
// the explorer shows (an explorer embedded in another site leaves its page alone).
import { text } from "./js/text.js";

document.addEventListener("derek-view", (event) => {
  const t = text(event.detail.lang);
  document.documentElement.lang = t.lang;
  document.title = t.page_title;
  const intro = document.querySelector(".intro");
  if (intro) intro.textContent = t.intro;
  document.body.dataset.theme = event.detail.theme;
});
