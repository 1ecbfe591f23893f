export { PpidDeskPage } from "./register";
export { PpidCasePage } from "./case";
