#include "dateline/event.h"

namespace dateline {

std::string_view PlacePrecisionName(PlacePrecision p) {
  switch (p) {
    case PlacePrecision::kPoint: return "point";
    case PlacePrecision::kCity: return "city";
    case PlacePrecision::kAdmin1: return "admin1";
    case PlacePrecision::kCountry: return "country";
    case PlacePrecision::kNone: break;
  }
  return "";
}

std::string_view ModalityName(Modality m) {
  switch (m) {
    case Modality::kThreat: return "threat";
    case Modality::kFuture: return "future";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kActual: break;
  }
  return "actual";
}

}  // namespace dateline
