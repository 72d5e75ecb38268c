// The request bodies and queries of employees live one per use case in `dto/`; this file keeps
// the imports of other features (accounts) stable.
export { HireEmployeeDto } from './dto/hire-employee.dto';
export { UpdateEmployeeDto } from './dto/correct-employee.dto';
export { TransferEmployeeDto } from './dto/transfer-employee.dto';
export { PromoteEmployeeDto } from './dto/promote-employee.dto';
export { ChangeStatusDto } from './dto/change-employee-status.dto';
export { SupervisorOverrideDto } from './dto/set-supervisor-override.dto';
export { RemoveOverrideDto } from './dto/remove-supervisor-override.dto';
export { EmployeeListQuery } from './dto/employee-list.query';
export { GrantAdminOpdDto } from './dto/grant-admin-opd.dto';
