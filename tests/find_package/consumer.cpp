// A program built against the installed package, as a user would.
#include <crosscheck/crosscheck.h>

#include <iostream>

int main() {
  crosscheck::Document d;
  d.id = "a";
  d.published = "2024-07-12";
  d.text = "The bridge opened on Monday.";
  auto x = crosscheck::extract(d);
  if (!x || x->sentences.size() != 1) return 1;
  std::cout << "crosscheck " << CROSSCHECK_VERSION << " ok\n";
  return 0;
}
