// The catalogues of dcs_test_i18n live in its resources; a static library needs one source.
namespace dcs::testing {
int i18nAnchor() {
    return 0;
}
} // namespace dcs::testing
